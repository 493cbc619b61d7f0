// Camera, geolocation, notifications and the rest: denied unless a feature of ours asks for it
// by name here. Scanners type into the page as keyboards and need no permission.
export const ALLOWED_PERMISSIONS: readonly string[] = [];

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export const denyPermissionsByDefault = (
  session: PermissionSession,
  allowed: readonly string[] = ALLOWED_PERMISSIONS,
): void => {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowed.includes(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => allowed.includes(permission));
};
