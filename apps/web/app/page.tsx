'use client';
import { AuthGate } from '../components/auth-gate';
import { TasksScreen } from '../components/tasks-screen';

export default function HomePage() {
  return <AuthGate>{(user) => <TasksScreen user={user} />}</AuthGate>;
}
