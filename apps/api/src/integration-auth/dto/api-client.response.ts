import { ApiProperty } from '@nestjs/swagger';

/** An integration client as admins see it: never the key, only its prefix. */
export class ApiClientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '不动产登记系统' }) name!: string;
  @ApiProperty({ example: '3f9a0c1e', description: 'the 8 hex characters after hcpk_, to tell keys apart' }) keyPrefix!: string;
  @ApiProperty({ example: 'admin-1' }) createdBy!: string;
  @ApiProperty({ example: '2026-11-28T09:00:00+08:00' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'accurate to about a minute' }) lastUsedAt!: string | null;
  @ApiProperty() enabled!: boolean;
}

/** The answer to creating a client: the only time the key is shown. */
export class CreatedApiClientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() keyPrefix!: string;
  @ApiProperty({ example: 'hcpk_3f9a0c1e_…', description: 'shown once; send it as X-Api-Key' }) key!: string;
  @ApiProperty() createdAt!: string;
}
