// Copies text, falling back to a hidden selection where the async clipboard is not allowed.

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    // The legacy command is the only fallback on insecure origins such as a LAN address.
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
