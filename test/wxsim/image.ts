import { readFileSync } from 'node:fs';

/** A tiny 8x8 baseline JPEG (generated locally with ImageMagick) served for /qrcode/<uuid> (§3). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAXEAEAAwAAAAAAAAAAAAAAAAAAFmKh/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EABkRAAIDAQAAAAAAAAAAAAAAAABRAgMTFP/aAAwDAQACEQMRAD8Aoo1TAB8IILzVo//Z',
  'base64',
);

/**
 * An avatar of a real one's size: 132x132, 4.5 KB (generated locally with ImageMagick: plasma,
 * seed 7, quality 85). The 201 reply that carried a scan avatar was about 5.7 KB in
 * CAPTURE-2018 (docs/protocol.md §4); a tiny image would hide what a dashboard of real avatars
 * costs to store, send and paint. Served for webwxgeticon / webwxgetheadimg (§12) and as the
 * 201 `window.userAvatar` (§4).
 */
export const AVATAR_JPEG = readFileSync(new URL('./avatar.jpg', import.meta.url));
