// 公共信用信息目录 (DOM): the current catalogue grouped by class of information (government
// affairs, law enforcement, education), each item with its subjects, polarity, points, disclosure
// period and evidence rule, and the list of published versions.
import { Alert, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INFO_CLASSES } from '../../../../shared/domain/catalogue';
import type { CatalogueItemView } from '../../../../shared/api/routes/credit';
import { useLoad } from '../../app/useLoad';
import { useSession } from '../../app/session';
import { itemName } from '../../components/catalogue';
import { Points } from '../../components/Points';
import { formatDate, formatList } from '../../components/format';

function ItemTable({ items }: { items: CatalogueItemView[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('catalogue.code')}</Table.Th>
          <Table.Th>{t('catalogue.name')}</Table.Th>
          <Table.Th w={150}>{t('catalogue.subjects')}</Table.Th>
          <Table.Th w={80}>{t('catalogue.polarity')}</Table.Th>
          <Table.Th w={70} ta="right">
            {t('catalogue.points')}
          </Table.Th>
          <Table.Th w={100}>{t('catalogue.disclosure')}</Table.Th>
          <Table.Th w={90}>{t('catalogue.evidence')}</Table.Th>
          <Table.Th w={90}>{t('catalogue.releasable')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td ff="monospace">{i.code}</Table.Td>
            <Table.Td>{itemName(i)}</Table.Td>
            <Table.Td>{formatList(i.subjectKinds.map((k) => t(`subjectKinds.${k}`)))}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={i.polarity === 'positive' ? 'teal' : 'red'}>
                {t(`records.${i.polarity}`)}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Points value={i.points} />
            </Table.Td>
            <Table.Td>{t('catalogue.months', { count: i.disclosureMonths })}</Table.Td>
            <Table.Td>{i.evidenceRequired ? t('catalogue.required') : t('catalogue.notRequired')}</Table.Td>
            <Table.Td>{i.releasable ? t('common.yes') : t('catalogue.notRequired')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a school records about: its teachers and its students; the bureau's items are not its own. */
const SCHOOL_SUBJECTS: readonly string[] = ['teacher', 'student'];

export function CataloguePage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const current = useLoad('catalogue.current', {});
  const versions = useLoad('catalogue.versions', {});
  const school = me.org.mode === 'school';
  const cat = current.data && (school ? { ...current.data, items: current.data.items.filter((i) => i.subjectKinds.some((k) => SCHOOL_SUBJECTS.includes(k))) } : current.data);
  return (
    <Stack>
      <Title order={2}>{t('catalogue.title')}</Title>
      {(current.error ?? versions.error) && <Alert color="red">{current.error ?? versions.error}</Alert>}
      {!cat && !current.error && <Loader />}
      {cat && (
        <Card withBorder padding="sm">
          <Group gap="lg">
            <Badge size="lg" variant="light">
              {t('catalogue.current')} · {t('catalogue.version', { version: cat.version })}
            </Badge>
            <Text size="sm">
              {t('catalogue.publishedAt')} {formatDate(cat.publishedAt)}
            </Text>
            <Text size="sm">
              {t('catalogue.publisher')} {cat.publisher}
            </Text>
            <Text size="sm" c="dimmed" data-testid="catalogue-count">
              {school ? t('catalogue.schoolItemCount', { count: cat.items.length }) : t('catalogue.itemCount', { count: cat.items.length })}
            </Text>
          </Group>
          {cat.note && (
            <Text size="sm" c="dimmed" mt={4}>
              {cat.note}
            </Text>
          )}
        </Card>
      )}
      {cat &&
        INFO_CLASSES.map((c) => {
          const items = cat.items.filter((i) => i.infoClass === c);
          if (items.length === 0) return null;
          return (
            <Stack key={c} gap={6} data-testid={`catalogue-${c}`}>
              <Title order={4}>
                {t(`infoClass.${c}`)}{' '}
                <Text span c="dimmed" size="sm">
                  {t('catalogue.itemCount', { count: items.length })}
                </Text>
              </Title>
              <ItemTable items={items} />
            </Stack>
          );
        })}
      {versions.data && (
        <Stack gap={6}>
          <Title order={4}>{t('catalogue.versions')}</Title>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('catalogue.versionCol')}</Table.Th>
                <Table.Th w={160}>{t('catalogue.publishedAt')}</Table.Th>
                <Table.Th w={200}>{t('catalogue.publisher')}</Table.Th>
                <Table.Th>{t('catalogue.note')}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t('catalogue.items')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{t('catalogue.version', { version: v.version })}</Table.Td>
                  <Table.Td>{formatDate(v.publishedAt)}</Table.Td>
                  <Table.Td>{v.publisher}</Table.Td>
                  <Table.Td>{v.note}</Table.Td>
                  <Table.Td ta="right">{v.itemCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
