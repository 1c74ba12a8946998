// Validates Encore's Camunda Modeler element templates against the official schema,
// and checks that every templated element in the journeys names a template that exists.
import { readFileSync, readdirSync } from 'node:fs';
import { validateAll } from '@bpmn-io/element-templates-validator';

const dir = '.camunda/element-templates';
const templates = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));

let failed = false;
const { valid, results } = validateAll(templates);
if (!valid) {
  failed = true;
  for (const result of results.filter((r) => !r.valid)) {
    console.error(`element template ${result.object.id}:`, JSON.stringify(result.errors, null, 2));
  }
}

const known = new Set(templates.map((t) => `${t.id}@${t.version}`));
for (const file of readdirSync('.').filter((f) => f.endsWith('.bpmn'))) {
  const xml = readFileSync(file, 'utf8');
  for (const match of xml.matchAll(/camunda:modelerTemplate="([^"]+)"\s+camunda:modelerTemplateVersion="(\d+)"/g)) {
    if (!known.has(`${match[1]}@${match[2]}`)) {
      failed = true;
      console.error(`${file}: element template ${match[1]} version ${match[2]} does not exist`);
    }
  }
}

console.log(`${templates.length} element templates checked${failed ? ': problems found' : ', all valid'}`);
process.exit(failed ? 1 : 0);
