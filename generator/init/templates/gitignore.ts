/** .gitignore: installed packages, the fetched tools and the native stack's data; generated/ is committed (CI compares it). */
export function gitignoreFile(): string {
  return 'node_modules/\n.tools/\n.sextant/\n';
}
