/**
 * tsconfig.json: what `sextant check` type-checks the definitions with. The definitions are bundled
 * (esbuild), never run by Node as they are, so bundler resolution: they import `.ts` files by name and
 * `sextant` through its package exports, whatever the project's package.json "type".
 */
export function tsconfigFile(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
    },
    include: ['sextant.config.ts', 'catalog', 'alerts', 'dashboards', 'scrape', 'slos'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
