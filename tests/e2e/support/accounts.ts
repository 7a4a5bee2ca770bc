// Unique people for each test, so tests never see each other's data.
let counter = 0;

export interface Person {
  name: string;
  email: string;
  password: string;
}

export function newPerson(name: string): Person {
  counter += 1;
  const slug = `${name.toLowerCase()}-${process.pid}-${Date.now()}-${counter}`;
  return { name, email: `${slug}@example.com`, password: 'correct horse battery' };
}
