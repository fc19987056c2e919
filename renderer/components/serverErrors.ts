// Puts a refused call's field issues next to their fields (`error.issues[].path` → form field) and returns the
// message to show above the form when something could not be placed on a field (or there were no issues).
import type { UseFormReturnType } from '@mantine/form';
import type { ApiError } from '../../shared/contract';

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function applyServerError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: ApiError,
): string | null {
  const issues = error.issues ?? [];
  if (issues.length === 0) return error.message;
  const values = form.getValues();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (field in values) form.setFieldError(field, sentence(issue.message));
    else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return unplaced.length > 0 ? `${error.message} ${unplaced.join('; ')}` : null;
}
