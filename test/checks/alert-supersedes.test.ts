/** `supersedes`: each way an inhibit rule would fail silently is refused, and a sound one passes. */
import { promql } from '../../generator/index.ts';
import { alertSupersedesCheck } from '../../generator/validate/checks/alert-supersedes.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

/** BasketsPiling (warning, by region, job, instance) and its critical twin, superseding what a case says. */
const piling = (supersedes: string[] = [], overrides = {}) => validAlert({ supersedes, ...overrides });
const flooded = (supersedes: string[] = [], overrides = {}) => validAlert({ name: 'BasketsFlooded', severity: 'critical', expr: promql`${shop.metrics.basket} > 1000`, supersedes, ...overrides });
/** Aggregated to nothing: it shares no label with the per-region alerts. */
const anyBasket = (supersedes: string[] = [], overrides = {}) => validAlert({ name: 'AnyBasketOpen', severity: 'critical', expr: promql`sum(${shop.metrics.basket}) > 5000`, supersedes, ...overrides });
/** Per region, over every shop. */
const regionFull = (supersedes: string[] = [], overrides = {}) => validAlert({ name: 'RegionFull', severity: 'critical', expr: promql`sum by (region) (${shop.metrics.basket}) > 5000`, supersedes, ...overrides });

rulesTable(alertSupersedesCheck, [
  { name: 'a critical alert superseding a warning on the labels both keep passes', alerts: [flooded(['BasketsPiling']), piling()], expect: [] },
  { name: 'alerts of the same severity may supersede one way', alerts: [flooded(['BasketsPiling']), piling([], { severity: 'critical' })], expect: [] },
  { name: 'an alert that does not exist is refused', alerts: [flooded(['BasketsPilling']), piling()], expect: ['alert BasketsFlooded: supersedes BasketsPilling, which no rules file defines'] },
  {
    name: 'a warning superseding a page is refused',
    alerts: [flooded(), piling(['BasketsFlooded'])],
    expect: ['alert BasketsPiling: supersedes BasketsFlooded, which is more severe (critical, this is warning)'],
  },
  { name: 'an alert superseding itself is refused', alerts: [piling(['BasketsPiling'])], expect: ['alert BasketsPiling: supersedes itself'] },
  {
    name: 'two alerts superseding each other are both refused, with the cycle',
    alerts: [flooded(['BasketsPiling']), piling(['BasketsFlooded'], { severity: 'critical' })],
    expect: ['alert BasketsFlooded: supersedes alerts that supersede it back (BasketsFlooded → BasketsPiling → BasketsFlooded)', 'alert BasketsPiling: supersedes alerts that supersede it back (BasketsPiling → BasketsFlooded → BasketsPiling)'],
  },
  {
    name: 'a longer cycle is refused on each of its alerts',
    alerts: [flooded(['BasketsPiling']), piling(['RegionFull'], { severity: 'critical' }), regionFull(['BasketsFlooded'])],
    expect: ['BasketsFlooded → BasketsPiling → RegionFull → BasketsFlooded', 'BasketsPiling → RegionFull → BasketsFlooded → BasketsPiling', 'RegionFull → BasketsFlooded → BasketsPiling → RegionFull'],
  },
  {
    name: 'an alert sharing no label with what it supersedes is refused: it would silence it everywhere',
    alerts: [anyBasket(['BasketsPiling']), piling()],
    expect: ['alert AnyBasketOpen: supersedes BasketsPiling but shares no label with it: the inhibit rule would silence every BasketsPiling anywhere while any AnyBasketOpen fires'],
  },
  {
    name: 'static labels alone are refused: the same wherever either fires, they silence everywhere',
    alerts: [anyBasket(['BasketsPiling'], { labels: { team: 'shop' } }), piling([], { labels: { team: 'shop' } })],
    expect: ['alert AnyBasketOpen: supersedes BasketsPiling on static labels only (team): they are the same wherever either fires, so any AnyBasketOpen would silence every BasketsPiling'],
  },
  { name: 'a label both expressions keep narrows it', alerts: [regionFull(['BasketsPiling']), piling([], { severity: 'critical' })], expect: [] },
  {
    name: 'static labels of different values are refused: the inhibition never matches',
    alerts: [flooded(['BasketsPiling'], { labels: { team: 'shop' } }), piling([], { labels: { team: 'checkout' } })],
    expect: ["alert BasketsFlooded: supersedes BasketsPiling but can never silence it: its static label team is 'shop' and BasketsPiling's is 'checkout'"],
  },
]);
