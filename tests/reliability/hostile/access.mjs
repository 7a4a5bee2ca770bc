// Probes of access control that held when the hardening issue was filed: kept so they keep holding.
export default [
  {
    id: 'path-user-spoofing',
    finding: 'access control',
    tried: "another user's id in the path, with a valid session",
    async run(server) {
      const alice = await server.signUp();
      const mallory = await server.signUp();
      const created = await alice.request('POST', '/api/me/tasks', { body: { title: 'private' } });
      const spoofed = await mallory.request('GET', `/api/${alice.userId}/tasks`);
      const direct = await mallory.request('GET', `/api/me/tasks/${created.body.id}`);
      return {
        pass: created.status === 201 && spoofed.status === 403 && direct.status === 404,
        value: `create ${created.status}; list as alice ${spoofed.status}; alice's task by id ${direct.status}`,
      };
    },
  },
];
