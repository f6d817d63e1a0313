// Renders Spanmark's logo (resources/icon.svg) to the PNG sizes the platforms need, with the same
// Chromium the end-to-end tests use (/usr/bin/chromium, or CHROMIUM_PATH), and packs them into
// resources/icon.ico (Windows) and resources/icon.icns (macOS). Both formats may hold PNG data, so no
// converter tools are needed. Run it after changing the SVG: `node scripts/make-icons.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const resources = join(root, 'resources')
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** A .ico holding PNG images (allowed since Windows Vista); sizes above 256 are left out. */
export function packIco(images) {
  const entries = images.filter(({ size }) => size <= 256)
  const header = Buffer.alloc(6 + 16 * entries.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(entries.length, 4)
  let offset = header.length
  entries.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i
    header.writeUInt8(size === 256 ? 0 : size, at) // 0 means 256
    header.writeUInt8(size === 256 ? 0 : size, at + 1)
    header.writeUInt16LE(1, at + 4) // colour planes
    header.writeUInt16LE(32, at + 6) // bits per pixel
    header.writeUInt32LE(png.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...entries.map((e) => e.png)])
}

/** Apple's PNG-based icns element types, by pixel size. */
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' }

export function packIcns(images) {
  const parts = images
    .filter(({ size }) => ICNS_TYPES[size])
    .map(({ size, png }) => {
      const head = Buffer.alloc(8)
      head.write(ICNS_TYPES[size], 0, 'ascii')
      head.writeUInt32BE(png.length + 8, 4)
      return Buffer.concat([head, png])
    })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  const images = []
  try {
    const page = await browser.newPage()
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`
      )
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
      images.push({ size, png })
    }
  } finally {
    await browser.close()
  }
  mkdirSync(join(resources, 'icons'), { recursive: true })
  for (const { size, png } of images) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png)
  writeFileSync(join(resources, 'icon.png'), images.find((i) => i.size === 1024).png)
  writeFileSync(join(resources, 'icon.ico'), packIco(images))
  writeFileSync(join(resources, 'icon.icns'), packIcns(images))
  console.log(`icons: ${images.length} PNG sizes, icon.ico and icon.icns in ${resources}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
