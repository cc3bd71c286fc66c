import { describe, expect, it } from 'vitest';
import { appPath, timeAgo } from './time-ago';

const now = Date.parse('2030-01-15T12:00:00Z');
const ago = (seconds: number) => timeAgo(new Date(now - seconds * 1000).toISOString(), now);

describe('timeAgo', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(ago(10)).toBe('just now');
    expect(ago(60)).toBe('1 minute ago');
    expect(ago(45)).toBe('1 minute ago');
    expect(ago(5 * 60)).toBe('5 minutes ago');
    expect(ago(2 * 3600)).toBe('2 hours ago');
    expect(ago(86_400)).toBe('yesterday');
    expect(ago(3 * 7 * 86_400)).toBe('3 weeks ago');
    expect(ago(400 * 86_400)).toBe('last year');
    expect(timeAgo('not a time', now)).toBe('not a time');
  });
});

describe('appPath', () => {
  it('follows paths inside the app only', () => {
    expect(appPath('/projects/1/status')).toBe('/projects/1/status');
    expect(appPath('/notifications?unread=true')).toBe('/notifications?unread=true');
    expect(appPath('')).toBeNull();
    expect(appPath('//evil.example.com')).toBeNull();
    expect(appPath('https://evil.example.com')).toBeNull();
    expect(appPath('/\\evil.example.com')).toBeNull();
    expect(appPath('javascript:alert(1)')).toBeNull();
  });
});
