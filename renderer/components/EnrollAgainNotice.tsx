import { useLocation, useNavigate } from 'react-router';
import { SERVER_FORGOT_DEVICE } from '../../shared/sync/enroll-again-words';

// In the sync status, in place of "Online": the server answers, but not to this device. The
// button opens the setup screen (there it is not needed).
export const EnrollAgainNotice = () => {
  const navigate = useNavigate();
  const onSetup = useLocation().pathname === '/setup';
  return (
    <span className="badge badge-warn" role="alert" data-testid="enroll-again">
      {SERVER_FORGOT_DEVICE}{' '}
      {!onSetup && (
        <button type="button" onClick={() => void navigate('/setup')}>
          Enroll again
        </button>
      )}
    </span>
  );
};
