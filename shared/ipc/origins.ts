/**
 * Where the renderer is served from. The custom scheme gives IndexedDB a stable origin
 * (the origin is part of the database key), so these values must never change.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clearday';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Fixed ports (strictPort): a drifting port would silently open an empty database. */
export const DEV_SERVER_PORT = 5273;
export const WEB_PREVIEW_PORT = 4174;
export const DEV_SERVER_ORIGIN = `http://localhost:${DEV_SERVER_PORT}`;

/** The appId is part of notifications (Windows AppUserModelId) and installers: never change it. */
export const APP_ID = 'app.clearday.desktop';
export const PRODUCT_NAME = 'Clearday';
/** userData folder names, fixed explicitly so a rename of the package never moves the data. */
export const USER_DATA_DIR = 'Clearday';
export const DEV_USER_DATA_DIR = 'Clearday-dev';
