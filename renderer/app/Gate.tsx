import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { OperatorRole } from '../../shared/domain/operator';
import { useSyncFacts } from '../db/tables/sync-status';
import { useAppStore } from '../stores/app-store';

// A screen that needs an enrolled device, a signed-in operator, and perhaps a role.
export const Gate = ({ children, role }: { children: ReactNode; role?: OperatorRole }) => {
  const facts = useSyncFacts();
  const operator = useAppStore((s) => s.operator);
  if (!facts) return null;
  if (!facts.enrolled || facts.needsEnrollment) return <Navigate to="/setup" replace />;
  if (!operator) return <Navigate to="/sign-in" replace />;
  if (role && operator.role !== role)
    return (
      <p role="alert">
        This screen is for a {role}; you are signed in as a {operator.role}.
      </p>
    );
  return <>{children}</>;
};
