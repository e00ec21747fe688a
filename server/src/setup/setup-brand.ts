import { isTimeZone } from '@tidepool/shared';
import { type DataSource } from 'typeorm';
import { hashPassword, normalizeStaffUsername } from '../modules/staff';
import { StaffAccount } from '../modules/staff/staff-account.entity';
import { Brand } from '../modules/stores/brand.entity';
import { Store } from '../modules/stores/store.entity';

/** What `pnpm setup:brand` creates: a brand, its stores and the first operator. */
export interface BrandSetupPlan {
  brand: { code: string; name: string };
  stores: { code: string; name: string; address: string; timeZone: string }[];
  operator: { username: string; password: string; displayName: string };
}

export interface BrandSetupResult {
  brandCreated: boolean;
  storesCreated: string[];
  storesUpdated: string[];
  operatorCreated: boolean;
}

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const MIN_PASSWORD_LENGTH = 10;

/** Every problem of a plan at once, so one run of the command names all of them. */
export function validateBrandSetupPlan(plan: BrandSetupPlan): string[] {
  const problems: string[] = [];
  if (!CODE.test(plan.brand.code)) problems.push('--brand-code must be 1-32 letters, digits, "-" or "_"');
  if (!plan.brand.name.trim() || plan.brand.name.length > 64) problems.push('--brand-name must be 1-64 characters');
  if (plan.stores.length === 0) problems.push('at least one --store is required');
  for (const store of plan.stores) {
    if (!CODE.test(store.code)) problems.push(`store code "${store.code}" must be 1-32 letters, digits, "-" or "_"`);
    if (!store.name.trim() || store.name.length > 64)
      problems.push(`store ${store.code}: name must be 1-64 characters`);
    if (store.address.length > 255) problems.push(`store ${store.code}: address must be at most 255 characters`);
    if (!isTimeZone(store.timeZone)) problems.push(`store ${store.code}: "${store.timeZone}" is not an IANA time zone`);
  }
  if (new Set(plan.stores.map((s) => s.code)).size !== plan.stores.length) problems.push('store codes must differ');
  // Checked as it will be stored (see staff-username.ts): "Ops.Lead " is the account ops.lead.
  if (!USERNAME.test(normalizeStaffUsername(plan.operator.username))) {
    problems.push('--operator must be 3-64 letters, digits, ".", "_" or "-" (stored in lower case)');
  }
  if (plan.operator.password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`the operator password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return problems;
}

/**
 * Creates what is missing, in one transaction, and is safe to run again: the brand and stores are found by code
 * (a store's name, address and zone follow the plan), and an existing operator account is left as it is (its
 * password is never reset by a re-run).
 */
export async function setUpBrand(dataSource: DataSource, plan: BrandSetupPlan): Promise<BrandSetupResult> {
  const problems = validateBrandSetupPlan(plan);
  if (problems.length > 0) throw new Error(`Invalid setup:\n  - ${problems.join('\n  - ')}`);
  const passwordHash = await hashPassword(plan.operator.password);
  return dataSource.transaction(async (manager) => {
    const brands = manager.getRepository(Brand);
    const existingBrands = await brands.find();
    const other = existingBrands.find((b) => b.code !== plan.brand.code);
    if (other) throw new Error(`this database already holds the brand "${other.code}"; one database serves one brand`);
    let brand = existingBrands[0] ?? null;
    const brandCreated = !brand;
    brand ??= await brands.save(brands.create(plan.brand));
    if (brand.name !== plan.brand.name) await brands.update({ id: brand.id }, { name: plan.brand.name });

    const stores = manager.getRepository(Store);
    const storesCreated: string[] = [];
    const storesUpdated: string[] = [];
    for (const wanted of plan.stores) {
      const existing = await stores.findOneBy({ code: wanted.code });
      if (!existing) {
        await stores.save(stores.create({ ...wanted, brandId: brand.id }));
        storesCreated.push(wanted.code);
      } else if (existing.brandId !== brand.id) {
        throw new Error(`store code ${wanted.code} belongs to another brand`);
      } else if (
        existing.name !== wanted.name ||
        existing.address !== wanted.address ||
        existing.timeZone !== wanted.timeZone
      ) {
        await stores.update(
          { id: existing.id },
          { name: wanted.name, address: wanted.address, timeZone: wanted.timeZone },
        );
        storesUpdated.push(wanted.code);
      }
    }

    const staff = manager.getRepository(StaffAccount);
    const username = normalizeStaffUsername(plan.operator.username);
    const operator = await staff.findOneBy({ username });
    if (operator && operator.role !== 'operator') {
      throw new Error(`the account ${username} exists and is not an operator`);
    }
    if (!operator) {
      await staff.save(
        staff.create({
          username,
          role: 'operator',
          displayName: plan.operator.displayName,
          storeId: null,
          passwordHash,
        }),
      );
    }
    return { brandCreated, storesCreated, storesUpdated, operatorCreated: !operator };
  });
}
