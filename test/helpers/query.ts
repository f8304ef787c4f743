/** A query's text as the model resolves it, without building a model: catalogued metrics carry their namespacing. */
import { defineConfig } from '../../generator/config.ts';
import { resolveQuery } from '../../generator/model/queries.ts';
import { resolverOf } from '../../generator/model/resolve.ts';
import type { Query } from '../../generator/promql/query.ts';

export function queryText(query: Query, namespace: string): string {
  return resolveQuery(query, resolverOf({ config: defineConfig({ namespace }), domains: [] })).text;
}
