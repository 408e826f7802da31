import type { CaseRecipe } from '../case-recipe.js';
import { INTERPRETER_RECIPES } from './interpreters.js';
import { MISSING_FILE_RECIPES } from './missing-files.js';

/** Every case of the diagnosis suite, in the order the capture makes them. */
export const RECIPES: readonly CaseRecipe[] = [...INTERPRETER_RECIPES, ...MISSING_FILE_RECIPES];
