import { Link, useLocation } from 'react-router';

export const NotFoundScreen = () => {
  const { pathname } = useLocation();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Nothing here</h1>
      <p>There is no screen at {pathname}.</p>
      <Link className="button" to="/">
        Go to the start screen
      </Link>
    </section>
  );
};
