import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src/core/data-dir';

describe('resolveDataDir matches Electron userData for "Keydesk"', () => {
  it('uses ~/.config/Keydesk on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(resolveDataDir({}, 'linux', '/home/sam')).toBe('/home/sam/.config/Keydesk');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/sam')).toBe('/xdg/Keydesk');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(resolveDataDir({}, 'darwin', '/Users/sam')).toBe(
      '/Users/sam/Library/Application Support/Keydesk',
    );
    expect(resolveDataDir({ APPDATA: '/appdata' }, 'win32', '/home')).toMatch(
      /^\/appdata.Keydesk$/,
    );
  });

  it('lets KEYDESK_HOME override every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveDataDir({ KEYDESK_HOME: '/data/kd' }, platform, '/home/sam')).toBe('/data/kd');
    }
  });
});
