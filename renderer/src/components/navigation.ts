// Where the logged-in user is (DOM): the Shell keeps one View, and screens move between views
// (a list row opens a credit file) through useNav() without a router, since the app has no URLs
// worth sharing: Electron loads one file and the web host serves one page.
import { createContext, useContext } from 'react';

export type View =
  | { page: 'dashboard' }
  | { page: 'teachers' }
  | { page: 'students' }
  | { page: 'records' }
  | { page: 'objections' }
  | { page: 'import' }
  | { page: 'catalogue' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'settings' }
  /** Credit reports: the staff's list, or a teacher's own reports. */
  | { page: 'reports' }
  /** Bundle exchange between a school and its bureau (数据交换). */
  | { page: 'sync' }
  /** Bureau supervision: each may open on one of its items. */
  | { page: 'institutions' }
  | { page: 'grading' }
  | { page: 'lists' }
  | { page: 'cases' }
  | { page: 'decisions' }
  | { page: 'inspections' }
  /** Teachers' files as their schools sent them. */
  | { page: 'schoolTeachers' }
  /** Without teacherId: the logged-in teacher's own file. */
  | { page: 'teacherFile'; teacherId?: number }
  | { page: 'studentFile'; studentId: number };

export type PageKey = View['page'];

export interface Nav {
  view: View;
  go(view: View): void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const n = useContext(NavContext);
  if (!n) throw new Error('useNav outside the Shell');
  return n;
}
