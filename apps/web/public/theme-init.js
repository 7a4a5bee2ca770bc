// Applies the stored theme before first paint, so a dark-theme user never sees a white flash.
(() => {
  let choice = null;
  try {
    choice = localStorage.getItem('todo-theme');
  } catch {}
  const dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
})();
