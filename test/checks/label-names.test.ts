import { counter, gauge, histogram } from '../../generator/index.ts';
import { labelNamesCheck } from '../../generator/validate/checks/label-names.ts';
import { checkTable } from '../helpers/check-table.ts';

checkTable(labelNamesCheck, [
  { name: 'snake_case labels pass', metrics: { m: counter({ name: 'jobs_total', help: 'h', labels: { job_type: ['a'], error_type: ['b'] } }) }, expect: [] },
  { name: 'camelCase labels are rejected', metrics: { m: counter({ name: 'jobs_total', help: 'h', labels: { jobType: ['a'] } }) }, expect: ["label 'jobType': label names are snake_case"] },
  { name: 'a hyphen in a label name is rejected', metrics: { m: gauge({ name: 'g', help: 'h', labels: { 'status-code': ['a'] } }) }, expect: ['snake_case'] },
  { name: 'the __ prefix is reserved for labels too', metrics: { m: gauge({ name: 'g', help: 'h', labels: { __meta: ['a'] } }) }, expect: ["label '__meta': names starting with __ are reserved"] },
  { name: 'le is reserved for histogram buckets', metrics: { m: histogram({ name: 'x_seconds', help: 'h', unit: 'seconds', buckets: [1], labels: { le: ['1'] } }) }, expect: ["'le' is reserved: histogram buckets use it"] },
  { name: 'quantile is reserved for summaries', metrics: { m: gauge({ name: 'g', help: 'h', labels: { quantile: ['0.5'] } }) }, expect: ["'quantile' is reserved"] },
  { name: 'job is a target label', metrics: { m: gauge({ name: 'g', help: 'h', labels: { job: ['a'] } }) }, expect: ['exported_job'] },
  { name: 'instance is a target label', metrics: { m: gauge({ name: 'g', help: 'h', labels: { instance: ['a'] } }) }, expect: ['exported_instance'] },
  { name: 'every bad label of a metric is reported', metrics: { m: gauge({ name: 'g', help: 'h', labels: { job: ['a'], Route: ['b'] } }) }, expect: ["'job' is reserved", "label 'Route'"] },
]);
