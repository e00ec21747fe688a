import 'reflect-metadata';
import cluster from 'node:cluster';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import type { Clock } from './common/clock/clock.service';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { DomainException } from './common/errors/domain.exception';
import { createPino, JsonLogger } from './common/logging/json-logger';
import { createSpaFallback } from './common/http/spa-fallback';
import { JSON_BODY_LIMIT, jsonDepthExceeds } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/env';
import { PRODUCT_IMAGES_URL_PREFIX, productImagesDir } from './modules/catalog';
import type { DestinationStream } from 'pino';

export const ASSETS_DIR = path.join(__dirname, '..', 'assets');

export interface CreateAppOptions {
  /** Where the JSON logs go (stdout by default); tests capture them to prove secrets never reach a log. */
  logDestination?: DestinationStream;
  /** Replaces the system clock (tests that move time: expiry, member codes, jobs). */
  clock?: Clock;
}

/** A request whose JSON body is also kept verbatim (see the JSON parser below). */
export type RawBodyRequest = { rawBody?: string };

/** Builds the whole application (used by main.ts and by every integration test, so tests boot what ships). */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const pino = createPino(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    // Proxy headers only from the configured proxies (TRUSTED_PROXIES): otherwise anyone could name their own
    // address in X-Forwarded-For and get a fresh staff-login budget with each one.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, {
    logger: new JsonLogger(pino),
    abortOnError: false,
    // Our own JSON parser is registered below; Nest's would replace it at init.
    bodyParser: false,
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(
    new ApiExceptionFilter(
      createSpaFallback([
        { prefix: '/console/', dir: config.consoleDir },
        { prefix: '/', dir: config.h5Dir },
      ]),
    ),
  );
  app.enableShutdownHooks();

  // Fastify's own JSON parser, wrapped so a malformed or empty body becomes our MALFORMED_JSON. (Nest turns
  // Fastify's parser errors into a bare HttpException that has lost their code.) A body nested too deep is
  // refused before it is parsed, so validation never walks it (see json-body.ts).
  const fastify = app.getHttpAdapter().getInstance();
  // With WORKERS > 1 each answer names the worker that served it (for operators reading a trace, and the
  // several-workers test).
  const worker = cluster.isWorker ? cluster.worker : undefined;
  if (worker) {
    fastify.addHook('onSend', async (_request, reply) => {
      reply.header('x-tidepool-worker', String(worker.id));
    });
  }
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (request, body, done) => {
      if (jsonDepthExceeds(body as string)) {
        request.log.warn({ msg: 'JSON body too deep', bytes: (body as string).length });
        done(new DomainException('BODY_TOO_DEEP'), undefined);
        return;
      }
      // Kept as received: signed callbacks (WeChat Pay notifications) are verified over the exact bytes.
      (request as RawBodyRequest).rawBody = body as string;
      void parseJson(request, body as string, (error, value) => {
        if (error) done(new DomainException('MALFORMED_JSON'), undefined);
        else done(null, value);
      });
    },
  );

  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/static/',
    maxAge: '7d',
  });
  // Uploaded product images: content-addressed (a URL's bytes never change), so cached for a year as immutable.
  // A wildcard route (unlike the builds below), since images arrive after startup.
  const productImages = productImagesDir(config.dataDir);
  fs.mkdirSync(productImages, { recursive: true });
  await app.register(fastifyStatic, {
    root: productImages,
    prefix: PRODUCT_IMAGES_URL_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (res) => {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // The operator console (server/console): hashed assets cached for a year, index.html never cached.
  if (fs.existsSync(path.join(config.consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.consoleDir,
      prefix: '/console/',
      decorateReply: false,
      index: ['index.html'],
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  if (fs.existsSync(path.join(config.h5Dir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.h5Dir,
      prefix: '/',
      decorateReply: false,
      index: ['index.html'],
      wildcard: false,
    });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tidepool API')
      .setDescription('Private-domain retail storefront. Amounts are integer fen; errors are { code, message }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  return app;
}
