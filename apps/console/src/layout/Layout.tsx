import { Layout as RaLayout, type LayoutProps } from 'react-admin';
import { ConsoleAppBar } from './ConsoleAppBar';

export const Layout = (props: LayoutProps) => <RaLayout {...props} appBar={ConsoleAppBar} />;
