// Puts a refused call's field issues next to their fields, nested paths included (`collateral.0.valueMinor`),
// and returns what could not be placed (or the message when there were no issues), for the form's alert.
// Like components/serverErrors.ts, which places only top-level fields.
import type { UseFormReturnType } from '@mantine/form';
import type { ApiError } from '../../../../shared/contract';

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Whether `path` (dotted, with list indexes) names a value in `values`. */
export function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export function placeServerIssues<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: ApiError,
  /** Where an API path lands when the form names it differently (e.g. `customerId` → `customer`). */
  aliases: Record<string, string> = {},
): string | null {
  const issues = error.issues ?? [];
  if (issues.length === 0) return error.message;
  const values = form.getValues();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const path = aliases[issue.path] ?? issue.path;
    if (path && hasPath(values, path)) form.setFieldError(path, sentence(issue.message));
    else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return unplaced.length > 0 ? `${error.message} ${unplaced.join('; ')}` : null;
}
