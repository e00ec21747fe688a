import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  SEGMENT_FIELDS,
  SEGMENT_MAX_DEPTH,
  SEGMENT_OPERATOR_LABELS,
  isSegmentGroup,
  type SegmentCondition,
  type SegmentField,
  type SegmentOperator,
  type SegmentRule,
} from '@tidepool/shared';
import { Button, Card, InputNumber, Radio, Select, Space, Typography } from 'antd';
import {
  FIELD_OPTIONS,
  appendAt,
  choicesOf,
  fenToYuan,
  newCondition,
  operatorsOf,
  pathText,
  replaceAt,
  valueKindOf,
  yuanToFen,
} from './segment-form';

interface Props {
  rule: SegmentRule;
  onChange: (rule: SegmentRule) => void;
  /** The server's reasons by row path (see errorsByRow). */
  errors: Map<string, string[]>;
  readOnly?: boolean;
}

/** The and/or group editor: condition rows (field, operator, value) and nested groups up to the depth limit. */
export function RuleEditor({ rule, onChange, errors, readOnly = false }: Props) {
  return <GroupEditor group={rule} path={[]} root={rule} onChange={onChange} errors={errors} readOnly={readOnly} />;
}

function GroupEditor({
  group,
  path,
  root,
  onChange,
  errors,
  readOnly,
}: {
  group: SegmentRule;
  path: number[];
  root: SegmentRule;
  onChange: (rule: SegmentRule) => void;
  errors: Map<string, string[]>;
  readOnly: boolean;
}) {
  const depth = path.length + 1;
  const setGroup = (next: SegmentRule) => onChange(path.length === 0 ? next : replaceAt(root, path, next));
  return (
    <Card
      size="small"
      data-testid={`segment-group-${pathText(path) || 'root'}`}
      title={
        <Space>
          <span>满足以下</span>
          <Radio.Group
            size="small"
            optionType="button"
            disabled={readOnly}
            value={group.combine}
            onChange={(e) => setGroup({ ...group, combine: e.target.value as 'and' | 'or' })}
            options={[
              { value: 'and', label: '全部条件（且）' },
              { value: 'or', label: '任一条件（或）' },
            ]}
          />
        </Space>
      }
      extra={
        path.length > 0 && !readOnly ? (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={() => onChange(replaceAt(root, path, null))}
          >
            删除条件组
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(errors.get(pathText(path)) ?? []).map((reason) => (
          <Typography.Text key={reason} type="danger">
            {reason}
          </Typography.Text>
        ))}
        {group.conditions.length === 0 && (
          <Typography.Text type="secondary">
            {group.combine === 'and' ? '没有条件：全部会员' : '没有条件：无人'}
          </Typography.Text>
        )}
        {group.conditions.map((node, i) => {
          const at = [...path, i];
          return isSegmentGroup(node) ? (
            <GroupEditor
              key={i}
              group={node}
              path={at}
              root={root}
              onChange={onChange}
              errors={errors}
              readOnly={readOnly}
            />
          ) : (
            <ConditionRow
              key={i}
              index={pathText(at)}
              condition={node}
              readOnly={readOnly}
              errors={errors.get(pathText(at)) ?? []}
              onChange={(next) => onChange(replaceAt(root, at, next))}
            />
          );
        })}
        {!readOnly && (
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => onChange(appendAt(root, path, newCondition()))}>
              添加条件
            </Button>
            {depth < SEGMENT_MAX_DEPTH && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onChange(appendAt(root, path, { combine: 'or', conditions: [newCondition()] }))}
              >
                添加条件组
              </Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}

function ConditionRow({
  index,
  condition,
  onChange,
  errors,
  readOnly,
}: {
  index: string;
  condition: SegmentCondition;
  onChange: (next: SegmentCondition | null) => void;
  errors: string[];
  readOnly: boolean;
}) {
  const field = condition.field;
  const op = condition.op;
  const value = (condition as { value?: unknown }).value;
  const set = (patch: Record<string, unknown>) => onChange({ ...condition, ...patch });
  const kind = valueKindOf(field, op);
  const unit = SEGMENT_FIELDS[field].unit;
  const choices = choicesOf(field);
  return (
    <div data-testid={`segment-condition-${index}`}>
      <Space wrap>
        <Select
          aria-label="条件字段"
          style={{ width: 180 }}
          disabled={readOnly}
          value={field}
          options={FIELD_OPTIONS}
          onChange={(next: SegmentField) => onChange(newCondition(next))}
        />
        <Select
          aria-label="运算"
          style={{ width: 160 }}
          disabled={readOnly}
          value={op}
          options={operatorsOf(field).map((o) => ({ value: o, label: SEGMENT_OPERATOR_LABELS[o] }))}
          onChange={(next: SegmentOperator) => onChange(newCondition(field, next))}
        />
        {kind === 'list' &&
          (choices ? (
            <Select
              aria-label="取值"
              mode="multiple"
              style={{ minWidth: 240 }}
              disabled={readOnly}
              placeholder="请选择"
              value={(value as (string | number)[]) ?? []}
              options={choices}
              onChange={(next: (string | number)[]) => set({ value: next })}
            />
          ) : (
            <Select
              aria-label="取值"
              mode="tags"
              style={{ minWidth: 240 }}
              disabled={readOnly}
              placeholder="输入门店 ID 后回车"
              value={((value as number[]) ?? []).map(String)}
              onChange={(next: string[]) =>
                set({ value: next.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0) })
              }
            />
          ))}
        {kind === 'range' && (
          <RangeInput
            unit={unit}
            disabled={readOnly}
            value={value as { min: number | null; max: number | null }}
            onChange={(next) => set({ value: next })}
          />
        )}
        {kind === 'id' && (
          <InputNumber
            aria-label="推广员会员 ID"
            disabled={readOnly}
            min={1}
            precision={0}
            placeholder="推广员会员 ID"
            value={(value as number | undefined) ?? null}
            onChange={(next) => set({ value: next ?? undefined })}
          />
        )}
        {!readOnly && (
          <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除条件" onClick={() => onChange(null)} />
        )}
      </Space>
      {errors.map((reason) => (
        <div key={reason}>
          <Typography.Text type="danger">{reason}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

function RangeInput({
  unit,
  value,
  onChange,
  disabled,
}: {
  unit: 'fen' | 'orders' | 'days' | undefined;
  value: { min: number | null; max: number | null };
  onChange: (next: { min: number | null; max: number | null }) => void;
  disabled: boolean;
}) {
  const suffix = unit === 'fen' ? '元' : unit === 'days' ? '天' : '单';
  const shown = (n: number | null) => (unit === 'fen' ? fenToYuan(n) : n);
  const stored = (n: number | null) => (unit === 'fen' ? yuanToFen(n) : n === null ? null : Math.round(n));
  return (
    <Space>
      <InputNumber
        aria-label="最小值"
        disabled={disabled}
        min={0}
        placeholder="不限"
        addonAfter={suffix}
        value={shown(value.min)}
        onChange={(n) => onChange({ ...value, min: stored(n) })}
      />
      <span>至</span>
      <InputNumber
        aria-label="最大值"
        disabled={disabled}
        min={0}
        placeholder="不限"
        addonAfter={suffix}
        value={shown(value.max)}
        onChange={(n) => onChange({ ...value, max: stored(n) })}
      />
    </Space>
  );
}
