import type { Locator, Page } from '@playwright/test';

/** Page object for the map: what a user looks at and clicks. */
export class MapPage {
  constructor(readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('.canvas[data-layout="ready"]').waitFor();
    await this.page.locator('[data-task]').first().waitFor();
  }

  /**
   * Drags the map, as a person would, until `target` lies wholly on it: a click on a box off screen would otherwise
   * scroll React Flow's container, which React Flow undoes a frame later, and land wherever that leaves it.
   */
  async reveal(target: Locator): Promise<void> {
    for (let step = 0; step < 6; step++) {
      const pane = await this.page.locator('.react-flow').boundingBox();
      const box = await target.boundingBox();
      if (!pane || !box) throw new Error('the map or the box to reveal is not drawn');
      const inside = box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
      if (inside) return;
      const from = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
      const reach = (d: number, half: number) => Math.max(-half * 0.8, Math.min(half * 0.8, d));
      const dx = reach(from.x - (box.x + box.width / 2), pane.width / 2);
      const dy = reach(from.y - (box.y + box.height / 2), pane.height / 2);
      await this.page.mouse.move(from.x, from.y);
      await this.page.mouse.down();
      await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
      await this.page.mouse.up();
    }
    throw new Error('dragging the map did not bring the box into view');
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
