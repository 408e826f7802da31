import type { CaseRecipe } from '../case-recipe.js';
import { BOTH_SUCCEED_RECIPES } from './both-succeed.js';
import { CONTAINER_RECIPES } from './container.js';
import { INTERPRETER_RECIPES } from './interpreters.js';
import { LIMIT_RECIPES } from './limits.js';
import { MISSING_FILE_RECIPES } from './missing-files.js';
import { NAMESPACE_RECIPES } from './namespaces.js';
import { PRIVILEGE_RECIPES } from './privileges.js';
import { SYSTEM_FILE_RECIPES } from './system-files.js';
import { TRACE_FORM_RECIPES } from './trace-forms.js';
import { VARIANT_RECIPES } from './variants.js';

/** Every case of the diagnosis suite, in the order the capture makes them. */
export const RECIPES: readonly CaseRecipe[] = [
  ...INTERPRETER_RECIPES,
  ...MISSING_FILE_RECIPES,
  ...SYSTEM_FILE_RECIPES,
  ...NAMESPACE_RECIPES,
  ...PRIVILEGE_RECIPES,
  ...LIMIT_RECIPES,
  ...TRACE_FORM_RECIPES,
  ...BOTH_SUCCEED_RECIPES,
  ...CONTAINER_RECIPES,
  ...VARIANT_RECIPES,
];
