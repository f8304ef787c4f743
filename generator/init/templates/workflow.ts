/** .github/workflows/monitoring.yml: GitHub Actions running `sextant check` on every push and pull request. */
export function workflowFile(): string {
  return `# Everything the monitoring needs in one exit code: type check, validation, generated/ up to date,
# promtool lint, config and rule tests, amtool, docker-compose config.
name: monitoring

on:
  push:
    branches: [main]
  pull_request:

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      # docker-compose validates docker-compose.yml offline; promtool and amtool check the rules and configs.
      - run: sudo apt-get install -y --no-install-recommends docker-compose
      - run: npx sextant tools
      - run: npx sextant check
`;
}
