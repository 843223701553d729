/** zhengwu: the command line. Errors are told in Chinese, never as a stack trace. */
import { parseArgs } from 'node:util';
import { ALL_RULES } from '../core/audit/rules/index.ts';
import { ZhengwuError } from '../core/errors.ts';
import { auditCommand, type Io, importCommand } from './commands.ts';
import { migrateCommand } from './migrate-command.ts';
import { renderCommand } from './render-command.ts';
import { formatTable } from './summary-table.ts';

const USAGE = `用法：
  zhengwu import 文件或目录… [--format json|csv]
      读取部门预算公开文件，输出结构化数据（JSON 或 CSV）。
  zhengwu audit 文件或目录… [--format text|json|md|html] [--config 审核配置.json]
      审核部门预算公开文件的完整性与一致性。发现错误时退出码为 1，文件无法读取时为 2。
  zhengwu render 预算文件.json或目录… [--format html|md|docx|xlsx|pdf …] [-o 输出] [--template 模板]
      由结构化预算数据生成标准的部门预算公开文件；可同时生成多种格式（--format html,pdf 或多次 --format）。
      -o 为单个文件（一种格式时）或目录（默认 out/）。
  zhengwu rules
      列出全部审核规则（编号、分组、默认级别、要求）。
  zhengwu help

目录参数表示其中（含子目录）所有可读取的文件（.txt、.md、.html、.pdf、.docx、.xlsx）。`;

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (command === 'rules') {
      const severity = { error: '错误', warning: '警告', info: '提示' };
      io.out(
        `${formatTable(
          ['编号', '分组', '级别', '要求'],
          ALL_RULES.map((r) => [r.id, r.group, severity[r.severity], r.title]),
        )}\n共 ${ALL_RULES.length} 条规则。\n`,
      );
      return 0;
    }
    if (command === 'migrate') return await migrateCommand(io);
    if (command === 'render') {
      const r = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string', short: 'f', multiple: true },
          output: { type: 'string', short: 'o' },
          template: { type: 'string', short: 't' },
        },
      });
      if (!r.positionals.length)
        throw new ZhengwuError('INVALID_INPUT', `请给出要生成的预算文件或目录。\n${USAGE}`);
      return await renderCommand(r.positionals, r.values.format, r.values.output, r.values.template, io);
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' } },
    });
    if (!positionals.length)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `请给出要${command === 'audit' ? '审核' : '导入'}的文件或目录。\n${USAGE}`,
      );
    if (command === 'import') return await importCommand(positionals, values.format ?? 'json', io);
    if (command === 'audit')
      return await auditCommand(positionals, values.format ?? 'text', values.config, io);
    throw new ZhengwuError('INVALID_INPUT', `未知命令“${command}”。\n${USAGE}`);
  } catch (e) {
    if (e instanceof ZhengwuError) io.err(`错误：${e.message}\n`);
    else if (e instanceof TypeError && /ERR_PARSE_ARGS/.test(String((e as NodeJS.ErrnoException).code)))
      io.err(`错误：命令行参数有误（${e.message}）。\n${USAGE}\n`);
    else io.err(`错误：出现内部错误（${(e as Error).message}）。请把这条信息报告给开发者。\n`);
    return 2;
  }
}
