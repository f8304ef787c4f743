import { bounded, counter, defineDomain } from 'sextant';

export default defineDomain({
  name: 'instrumentation',
  title: 'Instrumentation guard',
  description:
    "The exporter's own guard against cardinality bugs: a label value outside a metric's declared set is recorded as " +
    '`other` (or, where `other` is not declared, dropped) and counted here, so a bug shows up as a count instead of new series.',
  owner: 'app',
  metrics: {
    labelValuesFolded: counter({
      name: 'instrumentation_label_values_folded_total',
      help: 'Label values outside the declared set, by metric, label and what was done with them.',
      labels: {
        metric: bounded(128, 'one per application metric of the catalogue'),
        label: bounded(32, 'label names of the catalogue'),
        action: ['folded', 'dropped'],
      },
      labelSets: bounded(256, 'only labels that received a bad value appear'),
    }),
  },
});
