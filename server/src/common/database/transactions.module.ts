import { Global, Module } from '@nestjs/common';
import { ReadReplicas } from './read-replicas';
import { Transactions } from './transactions';

/** The unit of work and the replica reads, for every module. */
@Global()
@Module({ providers: [Transactions, ReadReplicas], exports: [Transactions, ReadReplicas] })
export class TransactionsModule {}
