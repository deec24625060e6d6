import { Route, Routes } from 'react-router';
import { CounterScreen } from '../counter/CounterScreen.tsx';
import { DisplayScreen } from '../display/DisplayScreen.tsx';
import { HomeScreen } from '../home/HomeScreen.tsx';
import { ReceiptScreen } from '../intake/ReceiptScreen.tsx';
import { KioskScreen } from '../kiosk/KioskScreen.tsx';
import { ManageScreen } from '../manage/ManageScreen.tsx';
import { RateScreen } from '../rate/RateScreen.tsx';
import { ReceiptRatingScreen } from '../ratings/ReceiptRatingScreen.tsx';
import { SetupScreen } from '../setup/SetupScreen.tsx';
import { TrustScreen } from '../trust/TrustScreen.tsx';
import { PcSetupScreen } from '../pc-setup/PcSetupScreen.tsx';
import { NotFound } from '../shared/NotFound.tsx';
import { TicketStatusScreen } from '../status/TicketStatusScreen.tsx';
import { ProgressScreen } from '../progress/ProgressScreen.tsx';
import { WorkListsScreen } from '../worklists/WorkListsScreen.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<HomeScreen />} />
      <Route path="/setup" element={<SetupScreen />} />
      <Route path="/trust" element={<TrustScreen />} />
      <Route path="/pc-setup" element={<PcSetupScreen />} />
      <Route path="/kiosk" element={<KioskScreen />} />
      <Route path="/counter" element={<CounterScreen />} />
      <Route path="/display" element={<DisplayScreen />} />
      <Route path="/rate" element={<RateScreen />} />
      <Route path="/manage/*" element={<ManageScreen />} />
      <Route path="/t/:token" element={<TicketStatusScreen />} />
      <Route path="/p/:token" element={<ProgressScreen />} />
      <Route path="/lists/*" element={<WorkListsScreen />} />
      <Route path="/receipt/:applicationId" element={<ReceiptScreen />} />
      <Route path="/r/:token" element={<ReceiptRatingScreen />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
