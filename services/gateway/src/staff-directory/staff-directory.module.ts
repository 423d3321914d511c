import { Module } from '@nestjs/common';
import { StaffDirectory } from '../identity/staff-directory.service';
import { StaffDirectoryResolver } from './staff-directory.resolver';

/** The staff picker over the gateway's own identity tables. Needs the gateway's TypeORM data source. */
@Module({ providers: [StaffDirectory, StaffDirectoryResolver] })
export class StaffDirectoryModule {}
