/** .gitignore: installed packages and the fetched tools; generated/ is committed (CI compares it). */
export function gitignoreFile(): string {
  return 'node_modules/\n.tools/\n';
}
