'use client';
import { AuthGate } from '../../components/auth-gate';
import { SettingsScreen } from '../../components/settings-screen';

export default function SettingsPage() {
  return <AuthGate>{(user) => <SettingsScreen user={user} />}</AuthGate>;
}
