import type { Locator, Page } from '@playwright/test';

/** Page object for the map: what a user looks at and clicks. */
export class MapPage {
  constructor(readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('.canvas[data-layout="ready"]').waitFor();
    await this.page.locator('[data-task]').first().waitFor();
  }

  azColumns(): Locator {
    return this.page.locator('[data-az]');
  }

  subnets(): Locator {
    return this.page.locator('[data-subnet]');
  }

  task(id: string): Locator {
    return this.page.locator(`[data-task="${id}"]`);
  }

  details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' });
  }
}
