import { can, isAdmin, isRoot } from './core/session.js';

/**
 * Every page of the dashboard, in one place. To add a page: write a module under pages/ that defines its element
 * (it receives `params` from the path and `query` from the hash's query string), then add one entry here.
 *
 * - path:   hash path with ":name" parameters
 * - tag:    the custom element the page module defines
 * - load:   imports the module (esbuild splits it into its own chunk)
 * - title:  the document title and heading
 * - nav:    where it appears in the navigation ({ section, label }); leave out for pages reached by links
 * - allow:  who may open it (the caller from the token); others get a refusal naming what is needed
 * - needs:  that refusal's wording ("the Admin role")
 * - public: open without signing in
 */

const member = (who) => !!who;
const admin = (who) => isAdmin(who);
const root = (who) => isRoot(who);
const holds = (permission) => (who) => can(permission, who);

/** @type {Array<{path:string, tag:string, load:() => Promise<unknown>, title:string, nav?:{section:string,label:string}, allow?:(who:any)=>boolean, needs?:string, public?:boolean}>} */
export const routes = [
  { path: '/login', tag: 'md-login-page', load: () => import('./pages/login-page.js'), title: 'Sign in', public: true },
  { path: '/invitations/accept', tag: 'md-accept-invitation-page', load: () => import('./pages/accept-invitation-page.js'), title: 'Accept an invitation', public: true },
  { path: '/password-reset', tag: 'md-password-reset-page', load: () => import('./pages/password-reset-page.js'), title: 'Reset your password', public: true },
  { path: '/', tag: 'md-home-page', load: () => import('./pages/home-page.js'), title: 'Overview', allow: member },

  { path: '/jobs', tag: 'md-jobs-page', load: () => import('./pages/jobs-page.js'), title: 'Jobs', nav: { section: 'Work', label: 'Jobs' }, allow: member },
  { path: '/jobs/:id', tag: 'md-job-page', load: () => import('./pages/job-page.js'), title: 'Job', allow: member },
  { path: '/jobs/:id/poses', tag: 'md-job-poses-page', load: () => import('./pages/job-poses-page.js'), title: 'Docking poses', allow: member },
  { path: '/tasks', tag: 'md-tasks-page', load: () => import('./pages/tasks-page.js'), title: 'Task library', nav: { section: 'Library', label: 'Tasks' }, allow: member },
  { path: '/tasks/:name/:version', tag: 'md-task-page', load: () => import('./pages/task-page.js'), title: 'Task', allow: member },
  { path: '/pipelines', tag: 'md-pipelines-page', load: () => import('./pages/pipelines-page.js'), title: 'Pipelines', nav: { section: 'Library', label: 'Pipelines' }, allow: member },
  { path: '/pipeline-builder', tag: 'md-pipeline-builder-page', load: () => import('./pages/pipeline-builder-page.js'), title: 'Pipeline builder', nav: { section: 'Library', label: 'Pipeline builder' }, allow: holds('pipeline.edit'), needs: 'the pipeline.edit permission (Admins hold it)' },
  { path: '/pipelines/:name', tag: 'md-pipeline-page', load: () => import('./pages/pipeline-page.js'), title: 'Pipeline', allow: member },
  { path: '/pipelines/:name/versions/:version', tag: 'md-pipeline-page', load: () => import('./pages/pipeline-page.js'), title: 'Pipeline version', allow: member },

  { path: '/admin/users', tag: 'md-users-page', load: () => import('./pages/admin/users-page.js'), title: 'Users', nav: { section: 'Organization', label: 'Users' }, allow: holds('user.manage'), needs: 'the user.manage permission (Admins hold it)' },
  { path: '/admin/invitations', tag: 'md-invitations-page', load: () => import('./pages/admin/invitations-page.js'), title: 'Invitations', nav: { section: 'Organization', label: 'Invitations' }, allow: holds('user.manage'), needs: 'the user.manage permission (Admins hold it)' },
  { path: '/admin/audit', tag: 'md-audit-page', load: () => import('./pages/admin/audit-page.js'), title: 'Audit log', nav: { section: 'Organization', label: 'Audit log' }, allow: holds('audit.read'), needs: 'the audit.read permission' },
  { path: '/admin/cache', tag: 'md-cache-page', load: () => import('./pages/admin/cache-page.js'), title: 'Result cache', nav: { section: 'Organization', label: 'Result cache' }, allow: holds('cache.manage'), needs: 'the cache.manage permission (Admins hold it)' },
  { path: '/admin/services', tag: 'md-services-page', load: () => import('./pages/admin/services-page.js'), title: 'Task services', nav: { section: 'Organization', label: 'Task services' }, allow: holds('task.define'), needs: 'the task.define permission (Admins hold it)' },
  { path: '/admin/org', tag: 'md-org-page', load: () => import('./pages/admin/org-page.js'), title: 'Organization settings', nav: { section: 'Organization', label: 'Settings and quotas' }, allow: admin, needs: 'the Admin role' },

  { path: '/orgs', tag: 'md-orgs-page', load: () => import('./pages/orgs-page.js'), title: 'Organizations', nav: { section: 'Platform', label: 'Organizations' }, allow: root, needs: 'the Root role' },
  { path: '/orgs/:id', tag: 'md-org-page', load: () => import('./pages/admin/org-page.js'), title: 'Organization', allow: root, needs: 'the Root role' },
  { path: '/identity-providers', tag: 'md-identity-providers-page', load: () => import('./pages/admin/identity-providers-page.js'), title: 'Identity providers', nav: { section: 'Platform', label: 'Identity providers' }, allow: root, needs: 'the Root role' },
];

/** Links in the navigation that lead out of the single-page app. */
export const externalLinks = [
  { href: '/dashboard', label: 'Orleans Dashboard', section: 'Platform', allow: admin },
  { href: '/docs', label: 'API reference', section: 'Help', allow: member },
];

/** Sections in the order the navigation shows them. */
export const sections = ['Work', 'Library', 'Organization', 'Platform', 'Help'];
