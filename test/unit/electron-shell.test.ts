import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  devServerContentSecurityPolicy,
} from '../../src/shared/content-security-policy';
import { appMenuTemplate } from '../../src/main/electron/app-menu';
import { isTrustedSender } from '../../src/main/electron/sender-check';
import { isAllowedExternalUrl, isAppUrl } from '../../src/main/electron/url-policy';
import { mainWindowOptions } from '../../src/main/electron/window-options';
import {
  refusePermissionCheck,
  refusePermissionRequest,
} from '../../src/main/electron/permissions';

describe('the window', () => {
  it("follows Electron's security checklist", () => {
    const { webPreferences } = mainWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has a strict Content-Security-Policy (the built page carries it: test/shell/built-page.test.ts)', () => {
    expect(contentSecurityPolicy).toMatch(/default-src 'none'/);
    expect(contentSecurityPolicy).toMatch(/script-src 'self'(;|$)/);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
    expect(contentSecurityPolicy).toMatch(/object-src 'none'/);
    expect(contentSecurityPolicy).toMatch(/frame-ancestors 'none'/);
  });

  it('relaxes the policy for the dev server only as far as Vite needs', () => {
    expect(devServerContentSecurityPolicy).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(devServerContentSecurityPolicy).not.toMatch(/unsafe-eval/);
    expect(devServerContentSecurityPolicy).toMatch(/object-src 'none'/);
    expect(devServerContentSecurityPolicy).toMatch(/frame-ancestors 'none'/);
  });

  it('has the usual menus with their shortcuts', () => {
    const roles = (platform: NodeJS.Platform) =>
      appMenuTemplate(platform).map((item) => item.role ?? item.label);
    expect(roles('linux')).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu']);
    expect(roles('darwin')[0]).toBe('appMenu');
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])('refuses %s, asked or checked', (permission) => {
    const answers: boolean[] = [];
    refusePermissionRequest({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(refusePermissionCheck()).toBe(false);
  });
});

describe('where the app may go', () => {
  it.each([
    ['https://dashboard.nexmo.com/applications', true],
    ['https://developer.vonage.com/en/getting-started', true],
    ['http://dashboard.nexmo.com/', false],
    ['https://dashboard.nexmo.com.evil.example/', false],
    ['https://user@dashboard.nexmo.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('opens %s in the browser: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it("recognises only the app's own page", () => {
    const app = 'file:///opt/Keydesk/resources/app/out/renderer/index.html';
    expect(isAppUrl(`${app}#/history`, app)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', app)).toBe(false);
    expect(isAppUrl('https://example.com/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('app://keydesk/index.html#/history', 'app://keydesk/index.html')).toBe(true);
    // A custom scheme's WHATWG origin is "null" whatever the host: the host must still match.
    expect(isAppUrl('app://elsewhere/index.html', 'app://keydesk/index.html')).toBe(false);
  });
});

describe('the IPC sender check', () => {
  const expected = { webContentsId: 7, appUrl: 'file:///app/out/renderer/index.html' };
  const sender = { webContentsId: 7, isMainFrame: true, frameUrl: expected.appUrl };
  it("answers only the app's own top frame on the app's own page", () => {
    expect(isTrustedSender(sender, expected)).toBe(true);
    expect(isTrustedSender({ ...sender, webContentsId: 8 }, expected)).toBe(false);
    expect(isTrustedSender({ ...sender, isMainFrame: false }, expected)).toBe(false);
    expect(isTrustedSender({ ...sender, frameUrl: 'https://evil.example/' }, expected)).toBe(false);
  });
});

describe('packaging', () => {
  const config = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
  const section = (name: string) => {
    const start = config.indexOf(`\n${name}:\n`);
    const body = config.slice(start + name.length + 3);
    return body.slice(0, body.search(/\n\S/));
  };

  it("flips Electron's fuses as the security checklist asks", () => {
    const fuses = Object.fromEntries(
      section('electronFuses')
        .split('\n')
        .map((line) => /^\s+(\w+): (true|false)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages the app icon, a 512x512 PNG in resources/, for every target', () => {
    expect(config).toMatch(/^icon: resources\/icon\.png$/m);
    expect(section('files')).toContain('resources/icon.png');
    const png = readFileSync(join(import.meta.dirname, '../../resources/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
