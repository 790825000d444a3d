/** The API's policy (auth/password.ts): at least 10 characters, letters and digits. Checked here to answer at once. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return 'app.password.too_short';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'app.password.letters_and_digits';
  return undefined;
}

export interface ChangePasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

/** Field errors (message keys) of the change-password form. */
export function validateChangePassword(values: ChangePasswordValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.currentPassword) errors.currentPassword = 'ra.validation.required';
  const problem = values.newPassword ? passwordProblem(values.newPassword) : 'ra.validation.required';
  if (problem) errors.newPassword = problem;
  else if (values.newPassword === values.currentPassword) errors.newPassword = 'app.password.same_as_current';
  if (values.confirmPassword !== values.newPassword) errors.confirmPassword = 'app.password.mismatch';
  return errors;
}
