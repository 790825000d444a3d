import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class RectificationQueryDto {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1: ask the workflow itself instead of the read model' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'live 只能是 0 或 1' })
  live?: '0' | '1';
}
