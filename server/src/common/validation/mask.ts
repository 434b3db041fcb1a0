/** Masks personal data on the server, so the unmasked value never reaches a viewer without the right. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Keeps the first characters of an address (the district or street) and hides the rest. */
export function maskAddress(address: string): string {
  const visible = [...address].slice(0, 6).join('');
  return `${visible}****`;
}

/** Keeps the family name (the first character) and hides the rest: 孙大伟 → 孙**. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  return `${characters[0] ?? ''}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
