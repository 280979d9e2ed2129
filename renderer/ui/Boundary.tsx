import { Component, type ReactNode } from 'react';

interface BoundaryProps {
  /** What to show instead of the children once they failed. */
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** Keeps a failure local: one unreadable section does not take the whole document down with it. */
export class Boundary extends Component<BoundaryProps, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Pilier: a part of the screen failed', error);
  }

  override render(): ReactNode {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
