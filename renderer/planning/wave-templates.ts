import { z } from 'zod';
import {
  checkTemplate,
  NamedTemplateSchema,
  STANDARD_TEMPLATE,
  type NamedTemplate,
  type TemplateCheck,
} from '../../shared/planning/wave-templates';

// The lead's wave templates, kept on this station for now (docs/planning.md "Wave templates"):
// like the pack station's settings, checked on the way in and out.
const KEY = 'fillwave.wave-templates';

const StoredSchema = z.object({
  chosen: z.string(),
  templates: z.array(NamedTemplateSchema),
});
type Stored = z.infer<typeof StoredSchema>;

const read = (): Stored => {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? StoredSchema.safeParse(JSON.parse(raw)) : null;
    if (parsed?.success && parsed.data.templates.length > 0) return parsed.data;
  } catch {
    // A copy this app cannot read is as good as none: the standard template.
  }
  return { chosen: STANDARD_TEMPLATE.name, templates: [STANDARD_TEMPLATE] };
};

export const loadTemplates = (): { chosen: NamedTemplate; templates: NamedTemplate[] } => {
  const stored = read();
  const chosen = stored.templates.find((t) => t.name === stored.chosen) ?? stored.templates[0]!;
  return { chosen, templates: stored.templates };
};

// Saves a template under its name (replacing one of the same name) and chooses it. A template
// with a bad or contradictory field is refused, by field, and nothing is saved.
export const saveTemplate = (input: unknown): TemplateCheck => {
  const checked = checkTemplate(input);
  if (!checked.ok) return checked;
  const stored = read();
  const others = stored.templates.filter((t) => t.name !== checked.value.name);
  localStorage.setItem(
    KEY,
    JSON.stringify({ chosen: checked.value.name, templates: [...others, checked.value] }),
  );
  return checked;
};

export const chooseTemplate = (name: string): void => {
  const stored = read();
  if (stored.templates.some((t) => t.name === name))
    localStorage.setItem(KEY, JSON.stringify({ ...stored, chosen: name }));
};
