import { Transform } from 'class-transformer';

/** Trims surrounding white space; an all-blank string becomes undefined, as if the field were absent. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });
