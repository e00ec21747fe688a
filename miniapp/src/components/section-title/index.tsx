import { Text, View } from '@tarojs/components';
import './index.scss';

export interface SectionTitleProps {
  title: string;
  hint?: string;
}

export function SectionTitle({ title, hint }: SectionTitleProps) {
  return (
    <View className="section-title">
      <View className="section-title__bar" />
      <Text className="section-title__text">{title}</Text>
      {hint ? <Text className="section-title__hint">{hint}</Text> : null}
    </View>
  );
}
