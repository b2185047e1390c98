import type { Language } from '../../core/i18n';

const TEXT = {
  'zh-CN': {
    title: '登录 · OHIF 教学',
    heading: 'OHIF 住院医师教学阅片',
    subtitle: '请使用科室账号登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    other: 'English',
  },
  en: {
    title: 'Sign in · OHIF Teaching',
    heading: 'OHIF Teaching',
    subtitle: 'Sign in with your department account',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    other: '中文',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

export interface SignInPageInput {
  language: Language;
  action: string;
  returnTo: string;
  username?: string;
  error?: string;
}

/**
 * The page an anonymous browser gets instead of the viewer: a plain form (no script needed), in the
 * host's dark theme colours, whose fields password managers recognise (autocomplete username and
 * current-password). It posts to the same API operation that programs call with JSON.
 */
export function renderSignInPage(input: SignInPageInput): string {
  const text = TEXT[input.language];
  const otherLanguage = input.language === 'en' ? 'zh-CN' : 'en';
  const otherLink = `?lang=${otherLanguage}&returnTo=${encodeURIComponent(input.returnTo)}`;
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
  :root { color-scheme: dark; --background: 0 0% 0%; --foreground: 0 0% 98%; --card: 234 64% 10%; --primary: 214 98% 60%; --muted: 200 46% 65%; --input: 236 52% 30%; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: hsl(var(--background)); color: hsl(var(--foreground)); font: 14px/1.5 Inter, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; }
  main { width: 340px; background: hsl(var(--card)); border-radius: 8px; padding: 28px 28px 20px; box-shadow: 0 8px 32px rgb(0 0 0 / 0.6); }
  h1 { margin: 0 0 4px; font-size: 20px; font-weight: 500; color: hsl(var(--primary)); }
  p.subtitle { margin: 0 0 20px; color: hsl(var(--muted)); }
  label { display: block; margin: 12px 0 4px; color: hsl(var(--muted)); font-size: 13px; }
  input { width: 100%; height: 34px; padding: 0 10px; border-radius: 4px; border: 1px solid hsl(var(--input)); background: hsl(var(--background)); color: hsl(var(--foreground)); font-size: 14px; }
  input:focus { outline: none; border-color: hsl(var(--primary)); }
  button { width: 100%; height: 36px; margin-top: 20px; border: 0; border-radius: 4px; background: hsl(var(--primary)); color: #fff; font-size: 14px; font-weight: 500; cursor: pointer; }
  button:hover { filter: brightness(1.1); }
  .error { margin: 0 0 8px; padding: 8px 10px; border-radius: 4px; background: hsl(0 62.8% 30.6% / 0.35); color: hsl(0 90% 80%); }
  .language { display: block; margin-top: 16px; text-align: right; color: hsl(var(--muted)); font-size: 12px; }
  .language a { color: hsl(var(--primary)); text-decoration: none; }
</style>
</head>
<body>
<main>
  <h1>${text.heading}</h1>
  <p class="subtitle">${text.subtitle}</p>
  ${input.error ? `<p class="error" role="alert" data-testid="sign-in-error">${escapeHtml(input.error)}</p>` : ''}
  <form method="post" action="${escapeHtml(input.action)}" data-testid="sign-in-form">
    <input type="hidden" name="returnTo" value="${escapeHtml(input.returnTo)}">
    <label for="username">${text.username}</label>
    <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(input.username ?? '')}">
    <label for="password">${text.password}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">${text.submit}</button>
  </form>
  <span class="language"><a href="${escapeHtml(otherLink)}" lang="${otherLanguage}">${text.other}</a></span>
</main>
</body>
</html>
`;
}
