/** The options of a staff choice, each read as 姓名 (工号), after the empty choice worded by `none` (value 0). */
export function StaffOptions({ staff, none }: { staff: readonly { id: number; name: string; workNo: string }[]; none: string }) {
  return (
    <>
      <option value={0}>{none}</option>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name} ({s.workNo})
        </option>
      ))}
    </>
  );
}

/** The options of a utility choice by code, after the empty choice worded by `none` (the hall itself, any utility…). */
export function UtilityOptions({ utilities, none }: { utilities: readonly { code: string; name: string }[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {utilities.map((u) => (
        <option key={u.code} value={u.code}>
          {u.name}
        </option>
      ))}
    </>
  );
}
