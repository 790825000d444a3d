import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The query of a react-admin simple-rest `getList`/`getMany`: three JSON-encoded parameters. */
export class SimpleRestListQueryDto {
  @ApiPropertyOptional({ example: '{"q":"养老"}', description: 'JSON object of filters (per resource)' })
  @IsOptional()
  @IsString({ message: '筛选条件（filter）只能给出一次' })
  filter?: string;

  @ApiPropertyOptional({ example: '["name","ASC"]', description: 'JSON ["field","ASC"|"DESC"]' })
  @IsOptional()
  @IsString({ message: '排序（sort）只能给出一次' })
  sort?: string;

  @ApiPropertyOptional({ example: '[0,24]', description: 'JSON [first, last] row index, inclusive' })
  @IsOptional()
  @IsString({ message: '分页范围（range）只能给出一次' })
  range?: string;
}
