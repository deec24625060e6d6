/** Who may call a method. 'public' needs no session (setup, login, device pairing). */
export type Role = 'clerk' | 'manager' | 'admin' | 'kiosk' | 'display' | 'rate' | 'public';

export const staffRoles = ['clerk', 'manager', 'admin'] as const;
export const deviceRoles = ['kiosk', 'display', 'rate'] as const;
export const allRoles = [...staffRoles, ...deviceRoles] as const satisfies readonly Role[];

export type StaffRoleName = (typeof staffRoles)[number];
export type DeviceRoleName = (typeof deviceRoles)[number];

/** Any signed-in staff member, as the contract's method table says it. @alias */
export const anyStaff = staffRoles;
export const managers = ['manager', 'admin'] as const satisfies readonly Role[];
export const adminOnly = ['admin'] as const satisfies readonly Role[];
export const everyone = ['public'] as const satisfies readonly Role[];
