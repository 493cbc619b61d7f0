import type { z } from 'zod';

// One sentence per problem, naming the field: "serverUrl: Invalid URL; deviceToken: Required".
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'value';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
